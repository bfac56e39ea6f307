using System.CommandLine;

var root = new RootCommand("callhooks: a mock telephony provider and webhook conformance harness");
return await root.Parse(args).InvokeAsync();
