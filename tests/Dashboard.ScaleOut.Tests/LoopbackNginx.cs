using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Dashboard.ScaleOut.Tests;

/// <summary>
/// Debian's nginx as a child process on a free loopback port, balancing two local instances the way
/// deploy/nginx.conf does (ip_hash, WebSocket upgrade for /_blazor), and tells which instance answered in an
/// X-Upstream header. Plain: it stands in for TLS termination by sending X-Forwarded-Proto https. With
/// <c>tls</c>: it terminates real TLS with a throwaway self-signed certificate that openssl makes in the run's
/// temporary folder (never committed, deleted with it) and forwards the scheme it actually served.
/// </summary>
internal sealed class LoopbackNginx : IAsyncDisposable
{
    private readonly Process process;
    private readonly string folder;

    private LoopbackNginx(Process process, string folder, int port, System.Security.Cryptography.X509Certificates.X509Certificate2? certificate)
    {
        this.process = process;
        this.folder = folder;
        Certificate = certificate;
        Address = new Uri($"{(certificate is null ? "http" : "https")}://127.0.0.1:{port}/");
    }

    public Uri Address { get; }

    /// <summary>The throwaway certificate nginx serves (TLS mode), for clients to pin instead of trusting any.</summary>
    public System.Security.Cryptography.X509Certificates.X509Certificate2? Certificate { get; }

    public static Task<LoopbackNginx> StartAsync(Uri first, Uri second) => StartAsync([first, second], tls: false);

    public static async Task<LoopbackNginx> StartAsync(IReadOnlyList<Uri> upstreams, bool tls)
    {
        var binary = File.Exists("/usr/sbin/nginx") ? "/usr/sbin/nginx" : "nginx";
        var folder = Path.Combine(Path.GetTempPath(), "dashboard-nginx", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(folder, "logs"));
        var port = FreePort();
        var certificate = tls ? await SelfSignedAsync(folder) : null;
        var listen = tls
            ? $"listen 127.0.0.1:{port} ssl; ssl_certificate {folder}/cert.pem; ssl_certificate_key {folder}/key.pem; ssl_protocols TLSv1.2 TLSv1.3;"
            : $"listen 127.0.0.1:{port};";
        var scheme = tls ? "$scheme" : "https";
        var servers = string.Join(" ", upstreams.Select(u => $"server {u.Authority} max_fails=1 fail_timeout=10s;"));
        await File.WriteAllTextAsync(Path.Combine(folder, "nginx.conf"), $$"""
            daemon off;
            master_process off;
            worker_processes 1;
            pid {{folder}}/nginx.pid;
            error_log {{folder}}/logs/error.log warn;
            events { worker_connections 256; }
            http {
                access_log off;
                client_body_temp_path {{folder}}/body;
                proxy_temp_path {{folder}}/proxy;
                fastcgi_temp_path {{folder}}/fastcgi;
                uwsgi_temp_path {{folder}}/uwsgi;
                scgi_temp_path {{folder}}/scgi;
                map $http_upgrade $connection_upgrade { default upgrade; '' close; }
                upstream dashboard {
                    ip_hash;
                    {{servers}}
                }
                server {
                    {{listen}}
                    add_header X-Upstream $upstream_addr always;
                    location / {
                        proxy_pass http://dashboard;
                        proxy_http_version 1.1;
                        proxy_set_header Host $http_host;
                        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                        proxy_set_header X-Forwarded-Proto {{scheme}};
                        proxy_next_upstream error timeout;
                    }
                    location /_blazor {
                        proxy_pass http://dashboard;
                        proxy_http_version 1.1;
                        proxy_set_header Host $http_host;
                        proxy_set_header Upgrade $http_upgrade;
                        proxy_set_header Connection $connection_upgrade;
                        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                        proxy_set_header X-Forwarded-Proto {{scheme}};
                        proxy_read_timeout 1h;
                        proxy_buffering off;
                    }
                }
            }
            """);
        var process = Process.Start(new ProcessStartInfo(binary, ["-p", folder, "-c", Path.Combine(folder, "nginx.conf")])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        }) ?? throw new InvalidOperationException($"nginx did not start; install it with `{ScaleOutServices.StartCommand}`.");
        var nginx = new LoopbackNginx(process, folder, port, certificate);
        await nginx.WaitUntilListeningAsync(port);
        return nginx;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }

        process.Dispose();
        Certificate?.Dispose();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    private static async Task<System.Security.Cryptography.X509Certificates.X509Certificate2> SelfSignedAsync(string folder)
    {
        using var openssl = Process.Start(new ProcessStartInfo("openssl",
        [
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
            "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", Path.Combine(folder, "key.pem"), "-out", Path.Combine(folder, "cert.pem"),
        ])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        }) ?? throw new InvalidOperationException("openssl did not start (Debian package openssl).");
        var errors = await openssl.StandardError.ReadToEndAsync();
        await openssl.WaitForExitAsync();
        if (openssl.ExitCode != 0)
        {
            throw new InvalidOperationException($"openssl could not make the throwaway certificate: {errors}");
        }

        return System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPem(await File.ReadAllTextAsync(Path.Combine(folder, "cert.pem")));
    }

    private async Task WaitUntilListeningAsync(int port)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                var log = File.Exists(Path.Combine(folder, "logs", "error.log")) ? await File.ReadAllTextAsync(Path.Combine(folder, "logs", "error.log")) : string.Empty;
                throw new InvalidOperationException($"nginx exited ({process.ExitCode}): {await process.StandardError.ReadToEndAsync()} {log}");
            }

            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        throw new TimeoutException("nginx did not listen within 10 s.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
