// name: export_documents
// description: The given documents' links to their originals (the exporter resolves the documents a relation's evidence names).
// params: ids:list
// columns: id, url
UNWIND $ids AS did
MATCH (d:Document {id: did})
RETURN d.id AS id, d.url AS url
ORDER BY id
