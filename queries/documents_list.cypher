// name: documents_list
// description: Completely ingested documents, newest first (undated last), keyset-paginated on (published, id); `source` is the stored source label (a file name, with the record of a JSON file; ingest.documents.source_label), also matched at the end of a source stored by an older version as a path.
// params: after_date:str?, after_id:str?, source:str?, limit:int=50
// columns: id, title, source, published, url, sort_date
MATCH (d:Document)
WHERE d.complete = true AND ($source IS NULL OR d.source = $source OR d.source ENDS WITH ('/' + $source))
WITH d, coalesce(d.published, '') AS sort_date
WHERE $after_id IS NULL OR sort_date < $after_date OR (sort_date = $after_date AND d.id > $after_id)
RETURN d.id AS id, d.title AS title, d.source AS source, d.published AS published, d.url AS url, sort_date
ORDER BY sort_date DESC, id
LIMIT $limit
