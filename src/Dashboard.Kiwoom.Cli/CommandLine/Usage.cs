namespace Dashboard.Kiwoom.Cli.CommandLine;

/// <summary>The help text of every command; printed for --help (standard output) and after a usage error (standard error).</summary>
internal static class Usage
{
    private const string Connection = """
          --env simulator|mock|production   Which Kiwoom (default simulator at http://127.0.0.1:5090)
          --base-url <url>                  Another REST host (its WebSocket is <url>/api/dostk/websocket)
          --appkey <key>                    App key (default: environment variable KIWOOM_APPKEY)
          --secretkey <key>                 Secret key (default: environment variable KIWOOM_SECRETKEY)
          --verbose                         Library log lines on standard error
        """;

    public const string Root = """
        kiwoom - script the Kiwoom Securities REST and WebSocket API

        Usage:
          kiwoom catalog list [--json]              Every TR: id, Korean and English name, path
          kiwoom catalog show <api-id|type>         Fields of a TR, or FIDs of a realtime type
          kiwoom call <api-id> [field=value ...]    Send a TR and print the answer
          kiwoom stream <type>[,<type>] [item ...]  Print realtime events until Ctrl+C
          kiwoom decode <api-id>                    Decode a raw response body read on standard input

        kiwoom <command> --help shows a command's options.
        Exit codes: 0 ok, 1 broker error or undecodable input, 2 usage error, 130 interrupted.
        """;

    public const string Catalog = """
        Usage:
          kiwoom catalog list [--json]
          kiwoom catalog show <api-id|realtime-type> [--json]

        list   One line per TR: id, Korean name, English name, path.
        show   Method, path, kind, paging, request and response fields of a TR (e.g. ka10001),
               or the field ids (FIDs) of a realtime type (e.g. 0B).
        """;

    public const string Call = """
        Usage:
          kiwoom call <api-id> [field=value ...] [--all-pages] [--max-pages <n>] [--json|--raw] [--confirm] [connection options]

        Sends one TR through the library's send path (token, rate limits, error mapping) and prints
        the answer as tables (single fields, then one table per LIST field) or, with --json, as typed
        JSON (an array of pages with --all-pages). Fields are the TR's request fields by wire name
        (kiwoom catalog show <api-id>); every value is sent as a string.

          --all-pages        Follow cont-yn/next-key continuation (at most --max-pages pages, default 20)
          --max-pages <n>    Page limit for --all-pages
          --json             Typed JSON instead of tables
          --raw              Each page's body as received, one per line (input for kiwoom decode)
          --confirm          Required for order TRs (kt10000 ...) outside the simulator: they trade real money

        Connection options:
        """ + "\n" + Connection;

    public const string Stream = """
        Usage:
          kiwoom stream <type>[,<type>...] [item ...] [--fields <fid,fid,...>] [--json] [connection options]

        Logs in on the WebSocket, registers the items for the types and prints every REAL event until
        Ctrl+C (exit 0; the items are removed on the server first). A dropped connection is opened again
        with backoff and everything registered again (reported on standard error); a refused login or
        registration, another login with the same app key, or no connection within the connect timeout
        ends the stream with exit 1. Types: 00 04 0A 0B 0C 0D 0E 0F 0G 0H 0I 0J 0U 0g
        0m 0s 0u 0w 1h (case matters: 0g is not 0G). 00, 04, 0s and 1h need no item.

          --fields <fids>    Print only these field ids (e.g. 20,10,11,15)
          --json             One JSON object per event and line, values typed
          --connect-timeout <s>
                             Give up when the first connection is not up after this many
                             seconds (default 30; reconnects after that retry for ever)

        Connection options:
        """ + "\n" + Connection;

    public const string Decode = """
        Usage:
          kiwoom decode <api-id> [--table] < body.json

        Reads one raw response body of the TR on standard input and prints the decoded, typed form as
        JSON: numbers as numbers with their signs, rates as decimals, dates and times as ISO 8601,
        stock codes without the A prefix, direction-signed prices as {"value", "direction"}. Values
        that do not fit their type are kept as their raw string and reported as warnings on standard
        error (exit 0). Input that is not a Kiwoom response body exits with 1; a body carrying a
        broker error is printed and exits with 1.

          --table    Print the readable tables of `kiwoom call` instead of JSON
        """;
}
