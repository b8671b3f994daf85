// Which way a price moved (its colour under the member's convention) is the broker library's
// Dashboard.Kiwoom.Wire.PriceDirection: one type from the wire sign to the screen, no conversions between copies.
global using PriceDirection = Dashboard.Kiwoom.Wire.PriceDirection;
