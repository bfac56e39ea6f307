namespace CallHooks.Conformance.Calls;

/// <summary>A person on the company's side who can be rung for a call.</summary>
internal sealed record Agent(string Id, string Name, string Email, string Extension, PhoneNumber Number);
