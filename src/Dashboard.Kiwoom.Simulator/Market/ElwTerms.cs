namespace Dashboard.Kiwoom.Simulator.Market;

/// <summary>Contract terms of an ELW: underlying, strike, expiry, call/put, conversion ratio.</summary>
public sealed record ElwTerms(string UnderlyingCode, long Strike, DateOnly Expiry, bool IsCall, decimal ConversionRatio, string Issuer);
