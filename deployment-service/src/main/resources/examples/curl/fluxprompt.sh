# Flowgate deployment "@@NAME@@": FluxPrompt-compatible API
curl -X POST \
  -H "Content-Type: application/json" \
  -H "api-key: $FLOWGATE_API_KEY" \
  -d @@BODY@@ \
  @@URL@@
