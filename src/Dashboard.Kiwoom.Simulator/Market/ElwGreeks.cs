namespace Dashboard.Kiwoom.Simulator.Market;

/// <summary>Black-Scholes value of one ELW (KRW per warrant, conversion ratio applied) and its sensitivities.</summary>
public readonly record struct ElwGreeks(long Price, double Volatility, double Delta, double Gamma, double Theta, double Vega, double Rho);
