using Dashboard.Kiwoom.Catalog;

namespace Dashboard.Kiwoom.Simulator.Rest;

/// <summary>A validated, authenticated REST call ready to be answered.</summary>
internal sealed record TrCall(CatalogTr Tr, RequestInput Input, IssuedToken Token, int Offset);
