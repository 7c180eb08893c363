using System.Diagnostics;
using System.Net;
using System.Runtime.InteropServices;
using Npgsql;

namespace MayorsClub.Tests.Infrastructure;

/// <summary>
/// The site as it runs scaled out: its own throwaway PostgreSQL cluster (so a test may stop it), two processes of the
/// built site (<c>dotnet MayorsClub.Web.dll</c>, Production) on 127.0.0.1 ports sharing that database and one media
/// folder, each with its own data folder, and Debian's nginx in front of them as the load balancer.
/// </summary>
public sealed class TwoNodes : IAsyncDisposable
{
    public const string AdminEmail = "admin@nodes.test";
    public const string AdminPassword = "Nodes-admin-password-1";
    public const string EditorsId = "nodes-editors";
    public const string EditorsSecret = "nodes-editors-secret-0123456789";

    private readonly string _root;

    private TwoNodes(string root, PostgresCluster database, SiteNode a, SiteNode b, Nginx balancer)
    {
        _root = root;
        Database = database;
        A = a;
        B = b;
        Balancer = balancer;
    }

    public PostgresCluster Database { get; }
    public SiteNode A { get; }
    public SiteNode B { get; }
    public Nginx Balancer { get; }

    /// <summary>Cookies are kept per host, not per port: one jar lets a test sign in on A and carry the cookie to B.</summary>
    public CookieContainer Cookies { get; } = new();

    /// <summary>Starts everything; A first (it migrates and seeds the new database), then B alongside nginx.</summary>
    /// <param name="settings">Extra settings for both nodes (configuration keys, as in appsettings).</param>
    public static async Task<TwoNodes> StartAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        var root = Path.Combine(Path.GetTempPath(), "mayorsclub-nodes", Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(root);
        var database = await PostgresCluster.StartAsync(Path.Combine(root, "postgres"));
        var media = Path.Combine(root, "shared-media");
        Directory.CreateDirectory(media);
        var (portA, portB, portBalancer) = (FreePort(), FreePort(), FreePort());
        var balancerUrl = $"http://127.0.0.1:{portBalancer}";
        var common = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["MayorsClub:Database:Provider"] = "PostgreSQL",
            ["ConnectionStrings:Default"] = database.ConnectionString("mayorsclub"),
            ["MayorsClub:MediaPath"] = media,
            ["MayorsClub:DemoContent"] = "true",
            ["MayorsClub:Admin:Email"] = AdminEmail,
            ["MayorsClub:Admin:Password"] = AdminPassword,
            ["MayorsClub:BackOffice:PublicUrl"] = balancerUrl,
            ["MayorsClub:ForwardedHeaders:KnownProxies"] = "127.0.0.1",
            ["MayorsClub:ManagementApi:RequireHttps"] = "false",
            ["MayorsClub:ManagementApi:Clients:0:Id"] = EditorsId,
            ["MayorsClub:ManagementApi:Clients:0:Secret"] = EditorsSecret,
            ["MayorsClub:ManagementApi:Clients:0:Group"] = "Editors",
            ["MayorsClub:Scheduling:IntervalSeconds"] = "1",
            ["MayorsClub:Applications:MinimumFillSeconds"] = "0",
            ["MayorsClub:Applications:SubmissionsPerWindow"] = "1000",
            ["MayorsClub:RateLimits:WritesPerMinute"] = "100000",
            ["MayorsClub:Members:SignInPerAddressPerMinute"] = "1000",
            ["MayorsClub:DeliveryApi:RequestsPerMinute"] = "1000000",
            // Only the notification can make a change visible on the other node within a second.
            ["MayorsClub:ChangeFeed:PollSeconds"] = "30",
        };
        foreach (var (key, value) in SmtpSink.Settings)
        {
            common[key] = value;
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            common[key] = value;
        }

        var a = new SiteNode("A", portA, Path.Combine(root, "node-a"), common);
        var b = new SiteNode("B", portB, Path.Combine(root, "node-b"), common);
        try
        {
            a.Start();
            await a.WaitUntilReadyAsync();
            b.Start();
            var balancer = Nginx.Start(Path.Combine(root, "nginx"), portBalancer, [portA, portB]);
            await b.WaitUntilReadyAsync();
            return new TwoNodes(root, database, a, b, balancer);
        }
        catch
        {
            await a.DisposeAsync();
            await b.DisposeAsync();
            await database.DisposeAsync();
            throw;
        }
    }

    /// <summary>A client with the shared cookie jar that follows no redirects; give it absolute URLs (A, B or the balancer).</summary>
    public HttpClient NewClient(string language = "uk")
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        Balancer.Dispose();
        await A.DisposeAsync();
        await B.DisposeAsync();
        await Database.DisposeAsync();
        if (TestContext.CurrentContext.Result.FailCount == 0)
        {
            try
            {
                Directory.Delete(_root, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [DllImport("libc", SetLastError = true, EntryPoint = "kill")]
    internal static extern int SendSignal(int pid, int signal);
}

/// <summary>One web node: the built site started as its own process, with its own data folder and log.</summary>
public sealed class SiteNode(string name, int port, string dataPath, IReadOnlyDictionary<string, string> settings) : IAsyncDisposable
{
    private Process? _process;
    private StreamWriter? _log;

    public string Name { get; } = name;
    public int Port { get; } = port;
    public string Url => $"http://127.0.0.1:{Port}";
    public string DataPath { get; } = dataPath;
    public string LogPath => Path.Combine(DataPath, "..", $"node-{Name.ToLowerInvariant()}.log");
    public bool IsRunning => _process is { HasExited: false };

    public void Start()
    {
        Directory.CreateDirectory(DataPath);
        var start = new ProcessStartInfo("dotnet", [WebAssembly()])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(WebAssembly())!,
        };
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        start.Environment["ASPNETCORE_URLS"] = Url;
        start.Environment["MayorsClub__DataPath"] = DataPath;
        start.Environment["MayorsClub__NodeName"] = Name;
        _log = new StreamWriter(LogPath, append: true) { AutoFlush = true };
        _log.WriteLine($"--- start {DateTime.UtcNow:O}");
        _process = Process.Start(start)!;
        var log = _log;
        _process.OutputDataReceived += (_, line) => Write(log, line.Data);
        _process.ErrorDataReceived += (_, line) => Write(log, line.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            try
            {
                log.WriteLine(line);
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }

    /// <summary>Waits for /healthz to say "ready" (the database migrated, the snapshot loaded).</summary>
    public async Task WaitUntilReadyAsync(TimeSpan? timeout = null)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(120));
        while (DateTime.UtcNow < deadline)
        {
            if (_process is null || _process.HasExited)
            {
                throw new AssertionException($"Node {Name} exited before it was ready; its log: {LogPath}\n{Tail()}");
            }

            try
            {
                using var answer = await client.GetAsync($"{Url}/healthz");
                var text = await answer.Content.ReadAsStringAsync();
                if (answer.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }

                if (text.Contains("failed", StringComparison.Ordinal))
                {
                    throw new AssertionException($"Node {Name} failed to start; its log: {LogPath}\n{Tail()}");
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(100);
        }

        throw new AssertionException($"Node {Name} was not ready in time; its log: {LogPath}\n{Tail()}");
    }

    /// <summary>Ends the process at once (SIGKILL), as a crash or a pulled plug would.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    /// <summary>Asks the process to stop (SIGTERM), as a service manager or a rolling deploy does, and waits for it.</summary>
    public async Task<int> TerminateAsync(TimeSpan? timeout = null)
    {
        if (_process is not { HasExited: false } process)
        {
            return _process?.ExitCode ?? 0;
        }

        _ = TwoNodes.SendSignal(process.Id, 15);
        await process.WaitForExitAsync().WaitAsync(timeout ?? TimeSpan.FromSeconds(60));
        return process.ExitCode;
    }

    public string Tail(int lines = 40)
    {
        try
        {
            using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            var all = reader.ReadToEnd().Split('\n');
            return string.Join('\n', all.TakeLast(lines));
        }
        catch (IOException)
        {
            return "";
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process?.Dispose();
        _process = null;
        if (_log is { } log)
        {
            lock (log)
            {
                log.Dispose();
            }
        }
    }

    /// <summary>The site's own build output (the tests run against the same configuration they were built in).</summary>
    private static string WebAssembly()
    {
        var testOutput = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar);
        var framework = Path.GetFileName(testOutput);
        var configuration = Path.GetFileName(Path.GetDirectoryName(testOutput)!);
        var root = Core.Setup.SitePaths.FindRoot(testOutput);
        var path = Path.Combine(root, "MayorsClub.Web", "bin", configuration, framework, "MayorsClub.Web.dll");
        return File.Exists(path) ? path : throw new InvalidOperationException($"The site is not built: {path} is missing.");
    }
}

/// <summary>A throwaway PostgreSQL cluster of this fixture's own, which a test may stop and start again.</summary>
public sealed class PostgresCluster : IAsyncDisposable
{
    public const string BinVariable = "MAYORSCLUB_TEST_PG_BIN";

    private readonly string _folder;
    private readonly string _bin;

    private PostgresCluster(string folder, string bin, int port)
    {
        _folder = folder;
        _bin = bin;
        Port = port;
    }

    public int Port { get; }

    /// <param name="pooling">False for the test's own queries: a pooled connection would not survive the server's restart.</param>
    public string ConnectionString(string database, bool pooling = true) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = "postgres", Database = database, Timeout = 5, Pooling = pooling }.ConnectionString;

    public static async Task<PostgresCluster> StartAsync(string folder)
    {
        var bin = Environment.GetEnvironmentVariable(BinVariable) is { Length: > 0 } configured ? configured : FindBin();
        Directory.CreateDirectory(folder);
        if (IsRoot())
        {
            await RunAsync("chown", ["-R", "postgres:", folder]);
        }

        await RunAsPostgresAsync(Path.Combine(bin, "initdb"), ["-D", Path.Combine(folder, "data"), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"]);
        var cluster = new PostgresCluster(folder, bin, TwoNodes.FreePort());
        await cluster.StartAsync();
        return cluster;
    }

    public Task StartAsync() => RunAsPostgresAsync(Path.Combine(_bin, "pg_ctl"),
    [
        "-D", Path.Combine(_folder, "data"), "-l", Path.Combine(_folder, "log"), "-w",
        "-o", $"-p {Port} -k {_folder} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200", "start",
    ]);

    /// <summary>Stops the server (fast: open connections are ended), as an outage or a failover would.</summary>
    public Task StopAsync() => RunAsPostgresAsync(Path.Combine(_bin, "pg_ctl"), ["-D", Path.Combine(_folder, "data"), "-m", "fast", "-w", "stop"]);

    public async Task<T?> ScalarAsync<T>(string sql, string database = "mayorsclub")
    {
        await using var connection = new NpgsqlConnection(ConnectionString(database, pooling: false));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        var value = await command.ExecuteScalarAsync();
        return value is null or DBNull ? default : (T)Convert.ChangeType(value, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            await RunAsPostgresAsync(Path.Combine(_bin, "pg_ctl"), ["-D", Path.Combine(_folder, "data"), "-m", "immediate", "stop"]);
        }
        catch (InvalidOperationException)
        {
        }
    }

    private static string FindBin() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => (Dir: Path.Combine(d, "bin"), Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
                .Where(d => File.Exists(Path.Combine(d.Dir, "initdb")))
                .OrderByDescending(d => d.Version).Select(d => d.Dir).FirstOrDefault()
                ?? throw new InvalidOperationException("initdb not found under /usr/lib/postgresql/*/bin (Debian package: postgresql)")
            : throw new InvalidOperationException($"PostgreSQL's server programs are not installed (Debian package: postgresql), or set {BinVariable}.");

    private static bool IsRoot() => Environment.UserName == "root";

    private static Task RunAsPostgresAsync(string program, IReadOnlyList<string> arguments) =>
        IsRoot() ? RunAsync("runuser", ["-u", "postgres", "--", program, .. arguments]) : RunAsync(program, arguments);

    internal static async Task RunAsync(string program, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await output}{await error}");
        }
    }
}

/// <summary>Debian's nginx as the load balancer: round robin over the nodes, the client's address in X-Forwarded-For.</summary>
public sealed class Nginx : IDisposable
{
    public const string BinaryVariable = "MAYORSCLUB_TEST_NGINX";

    private readonly Process _process;

    private Nginx(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }
    public string Url => $"http://127.0.0.1:{Port}";

    public static Nginx Start(string folder, int port, IReadOnlyList<int> nodePorts)
    {
        var binary = Environment.GetEnvironmentVariable(BinaryVariable) is { Length: > 0 } configured ? configured : "/usr/sbin/nginx";
        if (!File.Exists(binary))
        {
            throw new InvalidOperationException($"nginx is not installed ({binary}; Debian package: nginx). scripts/test.sh installs it.");
        }

        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "nginx.conf"), Configuration(folder, port, nodePorts));
        var start = new ProcessStartInfo(binary, ["-p", folder, "-c", Path.Combine(folder, "nginx.conf"), "-e", Path.Combine(folder, "error.log")])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process = Process.Start(start)!;
        var nginx = new Nginx(process, port);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"nginx exited at start: {process.StandardError.ReadToEnd()} {ReadOrEmpty(Path.Combine(folder, "error.log"))}");
            }

            try
            {
                using var socket = new System.Net.Sockets.TcpClient();
                socket.Connect(IPAddress.Loopback, port);
                return nginx;
            }
            catch (System.Net.Sockets.SocketException)
            {
                Thread.Sleep(50);
            }
        }

        nginx.Dispose();
        throw new InvalidOperationException("nginx did not listen within 10 s");
    }

    /// <summary>The same shape as the README's configuration, with this fixture's ports and folders.</summary>
    public static string Configuration(string folder, int port, IReadOnlyList<int> nodePorts) => $$"""
        daemon off;
        worker_processes 1;
        pid {{folder}}/nginx.pid;
        events { worker_connections 1024; }
        http {
          access_log off;
          client_body_temp_path {{folder}}/client_body;
          proxy_temp_path {{folder}}/proxy;
          fastcgi_temp_path {{folder}}/fastcgi;
          uwsgi_temp_path {{folder}}/uwsgi;
          scgi_temp_path {{folder}}/scgi;
          client_max_body_size 64m;
          upstream mayorsclub {
        {{string.Concat(nodePorts.Select(p => $"    server 127.0.0.1:{p} max_fails=1 fail_timeout=5s;\n"))}}    keepalive 32;
          }
          server {
            listen 127.0.0.1:{{port}};
            location / {
              proxy_pass http://mayorsclub;
              proxy_http_version 1.1;
              proxy_set_header Connection "";
              proxy_set_header Host $http_host;
              proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
              proxy_set_header X-Forwarded-Proto $scheme;
              proxy_set_header X-Forwarded-Host $http_host;
              proxy_next_upstream error timeout http_502 http_503;
              proxy_connect_timeout 2s;
            }
          }
        }
        """;

    private static string ReadOrEmpty(string path) => File.Exists(path) ? File.ReadAllText(path) : "";

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            // SIGTERM: the master stops its workers too (killed outright, it would leave them running).
            _ = TwoNodes.SendSignal(_process.Id, 15);
            if (!_process.WaitForExit(5000))
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
        }

        _process.Dispose();
    }
}
