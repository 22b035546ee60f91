# Flowgate deployment "@@NAME@@": native API. A 202 answer means the execution is still
# running: GET the "links.self" path it returns (same Authorization header) until it ends.
curl -X POST @@URL@@ \
  -H "Authorization: Bearer $FLOWGATE_API_KEY" \
  -H "Content-Type: application/json" \
  -d @@BODY@@
