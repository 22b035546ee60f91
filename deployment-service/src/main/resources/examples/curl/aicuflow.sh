# Flowgate deployment "@@NAME@@": aicuflow-compatible API
curl -X POST @@URL@@ \
  -H "X-API-Key: $FLOWGATE_API_KEY" \
  -H "Content-Type: application/json" \
  -d @@BODY@@
