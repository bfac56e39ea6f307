// The web platform's own URL code (WHATWG URLSearchParams, as Node ships it), nothing written here, as the reference
// for callhooks' form encoding and query strings. One JSON request per input line, one JSON answer per output line.
// Strings travel as base64 of their UTF-16 code units, so lone surrogates arrive as they were generated.
//   {"op":"form","pairs":[["<b64 name>","<b64 value>"],...]}  ->  {"value":"name=value&..."}   serialized
//   {"op":"query","url":"http://..."}                           ->  {"pairs":[["name","value"],...]}  parsed
//   {"op":"echo","secret":"..."}  ->  {"forms":{...}}  the forms a Node listener's echo gives a secret
import { createInterface } from "node:readline";

const text = (b64) => Buffer.from(b64, "base64").toString("utf16le");

function answer(request) {
  if (request.op === "form") {
    return { value: new URLSearchParams(request.pairs.map(([name, value]) => [text(name), text(value)])).toString() };
  }
  if (request.op === "query") {
    return { pairs: [...new URL(request.url).searchParams.entries()] };
  }
  if (request.op === "echo") {
    const secret = request.secret;
    return {
      forms: {
        encodeURIComponent: encodeURIComponent(secret),
        encodeURI: encodeURI(secret),
        "JSON.stringify": JSON.stringify(secret).slice(1, -1),
        URLSearchParams: new URLSearchParams({ s: secret }).toString().slice(2),
        base64: Buffer.from(secret, "utf8").toString("base64"),
        base64url: Buffer.from(secret, "utf8").toString("base64url"),
      },
    };
  }
  return { error: "unknown op " + request.op };
}

const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of lines) {
  if (line.trim() === "") continue;
  let result;
  try {
    result = answer(JSON.parse(line));
  } catch (error) {
    result = { error: String(error && error.message ? error.message : error) };
  }
  process.stdout.write(JSON.stringify(result) + "\n");
}
