# Multi-stage image of the dashboard (embedded simulator on by default).
#   docker build -t kiwoom-dashboard .
#   head -c 32 /dev/urandom | base64 > keyring.secret && chmod 600 keyring.secret   # once; keep it apart from the volume
#   docker run -p 8443:8443 -v kiwoom-data:/data -v "$PWD/keyring.secret:/run/secrets/keyring.secret:ro" \
#     -e Dashboard__KeyRingSecretPath=/run/secrets/keyring.secret kiwoom-dashboard
# The key-ring secret must not live on the data volume (the app refuses to start without it, saying so).
# Sign-in needs HTTPS: without a configured certificate (Kestrel__Certificates__Default__Path) the app
# creates a self-signed one in /data/tls on first start.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props Dashboard.csproj ./
COPY src/Dashboard.Kiwoom/Dashboard.Kiwoom.csproj src/Dashboard.Kiwoom/
COPY src/Dashboard.Kiwoom.Catalog/Dashboard.Kiwoom.Catalog.csproj src/Dashboard.Kiwoom.Catalog/
COPY src/Dashboard.Kiwoom.Simulator/Dashboard.Kiwoom.Simulator.csproj src/Dashboard.Kiwoom.Simulator/
COPY src/Dashboard.Web/Dashboard.Web.csproj src/Dashboard.Web/
COPY src/Dashboard.Web.Migrations.Postgres/Dashboard.Web.Migrations.Postgres.csproj src/Dashboard.Web.Migrations.Postgres/
RUN dotnet restore Dashboard.csproj
COPY . .
RUN dotnet publish Dashboard.csproj -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app .
# The database, the Data Protection key ring and logs live on a volume, never in the image.
ENV ASPNETCORE_URLS="https://+:8443;http://+:8080" \
    Dashboard__DataPath=/data
RUN mkdir -p /data && chown "$APP_UID" /data
VOLUME /data
EXPOSE 8443 8080
USER $APP_UID
ENTRYPOINT ["dotnet", "Dashboard.dll"]
