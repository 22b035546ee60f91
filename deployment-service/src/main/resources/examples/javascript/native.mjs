// Flowgate deployment "@@NAME@@": native API. Run as an ES module: node example.mjs
const API_KEY = process.env.FLOWGATE_API_KEY;
const BASE_URL = @@BASE_URL@@;
const API_URL = @@URL@@;

async function runDeployment(inputData = {}) {
  // Triggers the deployment and waits until its execution has finished
  const headers = { Authorization: `Bearer ${API_KEY}` };
  const response = await fetch(API_URL, {
    method: "POST",
    headers: { ...headers, "Content-Type": "application/json" },
    body: JSON.stringify({ input_data: inputData }),
  });
  let execution = await response.json();
  if (!response.ok) {
    throw new Error(`API Error: ${execution.detail}`);
  }
  // 202: still running (an async deployment, or a sync one past its timeout): poll it
  while (execution.status === "queued" || execution.status === "running") {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    execution = await (await fetch(BASE_URL + execution.links.self, { headers })).json();
  }
  return execution;
}

// Usage example with test data
const result = await runDeployment(@@INPUTS@@);
console.log("Status:", result.status);
console.log("Output:", result.output_data);
console.log("Duration:", result.duration_seconds, "seconds");
