// Judges requests callhooks signed with the providers' own verifier libraries, nothing written here: one JSON
// request per input line, one JSON verdict per output line, in order.
//   {"scheme":"twilio","authToken":"...","url":"...","signature":"...","params":{...}}        form POST or GET
//   {"scheme":"twilio","authToken":"...","url":"...?bodySHA256=...","signature":"...","body":"..."}  JSON POST
//   {"scheme":"standard-webhooks","secret":"whsec_...","headers":{...},"body":"...","options":{...}}  options: verify()'s own
// Verdict: {"ok":true} or {"ok":false,"error":"..."}.
import { createInterface } from "node:readline";
import twilio from "twilio";
import { Webhook } from "standardwebhooks";

function judge(request) {
  if (request.scheme === "twilio") {
    const ok = request.body === undefined
      ? twilio.validateRequest(request.authToken, request.signature, request.url, request.params ?? {})
      : twilio.validateRequestWithBody(request.authToken, request.signature, request.url, request.body);
    return ok ? { ok: true } : { ok: false, error: "twilio.validateRequest rejected the signature" };
  }
  if (request.scheme === "standard-webhooks") {
    // verify() checks the signature and the timestamp's age, then JSON-parses the body, as its users rely on.
    new Webhook(request.secret).verify(request.body, request.headers, request.options);
    return { ok: true };
  }
  return { ok: false, error: "unknown scheme " + request.scheme };
}

const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of lines) {
  if (line.trim() === "") continue;
  let verdict;
  try {
    verdict = judge(JSON.parse(line));
  } catch (error) {
    verdict = { ok: false, error: String(error && error.message ? error.message : error) };
  }
  process.stdout.write(JSON.stringify(verdict) + "\n");
}
