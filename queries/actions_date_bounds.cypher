// name: actions_date_bounds
// description: The oldest and newest action dates (strings) and the number of undated actions: the range the
//   API's windowed listing walks. A scan of the actions; the API caches it for a minute (queries.action_windows).
// columns: oldest, newest, undated
MATCH (a:Action)
RETURN min(a.date) AS oldest, max(a.date) AS newest, count(CASE WHEN a.date IS NULL THEN 1 END) AS undated
