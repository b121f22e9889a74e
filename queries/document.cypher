// name: document
// description: One document: its metadata and text (the extracted facts are character spans into the text).
// params: id:str
// columns: id, title, source, published, url, author, text, text_length, complete
MATCH (d:Document {id: $id})
RETURN d.id AS id, d.title AS title, d.source AS source, d.published AS published, d.url AS url,
       d.author AS author, d.text AS text, d.text_length AS text_length, d.complete AS complete
