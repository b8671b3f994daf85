using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Dashboard.ScaleOut.Tests;

/// <summary>
/// Debian's nginx as a child process on a free loopback port, balancing two local instances the way
/// deploy/nginx.conf does (ip_hash, WebSocket upgrade for /_blazor). It stands in for TLS termination by
/// sending X-Forwarded-Proto https, and tells which instance answered in an X-Upstream header.
/// </summary>
internal sealed class LoopbackNginx : IAsyncDisposable
{
    private readonly Process process;
    private readonly string folder;

    private LoopbackNginx(Process process, string folder, int port)
    {
        this.process = process;
        this.folder = folder;
        Address = new Uri($"http://127.0.0.1:{port}/");
    }

    public Uri Address { get; }

    public static async Task<LoopbackNginx> StartAsync(Uri first, Uri second)
    {
        var binary = File.Exists("/usr/sbin/nginx") ? "/usr/sbin/nginx" : "nginx";
        var folder = Path.Combine(Path.GetTempPath(), "dashboard-nginx", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(folder, "logs"));
        var port = FreePort();
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
                    server {{first.Authority}} max_fails=1 fail_timeout=10s;
                    server {{second.Authority}} max_fails=1 fail_timeout=10s;
                }
                server {
                    listen 127.0.0.1:{{port}};
                    add_header X-Upstream $upstream_addr always;
                    location / {
                        proxy_pass http://dashboard;
                        proxy_http_version 1.1;
                        proxy_set_header Host $http_host;
                        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                        proxy_set_header X-Forwarded-Proto https;
                        proxy_next_upstream error timeout;
                    }
                    location /_blazor {
                        proxy_pass http://dashboard;
                        proxy_http_version 1.1;
                        proxy_set_header Host $http_host;
                        proxy_set_header Upgrade $http_upgrade;
                        proxy_set_header Connection $connection_upgrade;
                        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                        proxy_set_header X-Forwarded-Proto https;
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
        var nginx = new LoopbackNginx(process, folder, port);
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
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
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
