namespace CareFleet.Host.Cli;

/// <summary>The verbs of the carefleet command and the configuration keys their options set.</summary>
public static class Verbs
{
    private static readonly CliOption[] Server =
    [
        new("port", "CareFleet:Web:Port", "Web server port (default 5080)."),
        new("bind", "CareFleet:Web:BindAddress", "Web server address (default 127.0.0.1)."),
        new("mqtt-port", "CareFleet:Mqtt:Port", "MQTT broker port (default 1883)."),
        new("data", "CareFleet:DataDirectory", "Directory for the SQLite file and generated secrets (default ./data)."),
        new("db-provider", "CareFleet:Database:Provider", "Sqlite (default) or PostgreSql."),
        new("connection-string", "CareFleet:Database:ConnectionString", "Database connection string."),
        new("admin-password", "CareFleet:Access:AdminPassword", "Password of the 'admin' account (else generated on first start; also CAREFLEET_ADMIN_PASSWORD)."),
        new("silo-port", "CareFleet:Orleans:SiloPort", "Orleans silo port (default 11111)."),
        new("gateway-port", "CareFleet:Orleans:GatewayPort", "Orleans gateway port (default 30000)."),
        new("map", "CareFleet:Fleet:MapFile", "The home map file (demo default: the sample home's map.json)."),
        new("verbose", null, "Show informational logs on the console.", IsFlag: true),
    ];

    public static CliVerb Demo { get; } = new("demo", "Run a whole simulated care home: server, embedded broker and simulator.",
        [.. Server,
            new("speed", "CareFleet:Clock:Speed", "Run simulated time N times faster (default 1)."),
            new("home", "CareFleet:Simulation:Home", "The sample home directory (default samples/homes/sunrise-garden).")],
        "Data is kept in --data between runs. Stop with Ctrl+C.");

    public static CliVerb Serve { get; } = new("serve", "Run the server for a real home (no simulator).",
        [.. Server, new("migrate", "CareFleet:Database:MigrateOnStart", "Apply database migrations before starting.", IsFlag: true)]);

    public static CliVerb Sim { get; } = new("sim", "Run the simulator alone against a running server and broker.",
    [
        new("server", "CareFleet:Simulation:Server", "The server's base address (default http://127.0.0.1:5080)."),
        new("api-token", "CareFleet:Simulation:ApiToken", "An admin API token used to register the simulated robots."),
        new("mqtt-host", "CareFleet:Simulation:MqttHost", "The broker's host (default 127.0.0.1)."),
        new("mqtt-port", "CareFleet:Simulation:MqttPort", "The broker's port (default 1883)."),
        new("home", "CareFleet:Simulation:Home", "The sample home directory (default samples/homes/sunrise-garden)."),
        new("speed", "CareFleet:Clock:Speed", "Run simulated time N times faster (default 1)."),
        new("data", "CareFleet:DataDirectory", "Where the simulated robots keep their broker credentials (default ./data)."),
    ]);

    public static CliVerb Migrate { get; } = new("migrate", "Apply the database migrations of every module and exit.",
    [
        new("data", "CareFleet:DataDirectory", "Directory for the SQLite file (default ./data)."),
        new("db-provider", "CareFleet:Database:Provider", "Sqlite (default) or PostgreSql."),
        new("connection-string", "CareFleet:Database:ConnectionString", "Database connection string."),
    ]);

    public static CliVerb Xiangqi { get; } = new("xiangqi", "The xiangqi (Chinese chess) engine of the companion robot, on standard input and output.", [],
        """
        carefleet xiangqi [--hash MB]        a UCCI 3.0 or UCI engine, chosen by the first command ('ucci' or 'uci')
        carefleet xiangqi perft DEPTH [FEN]  count the legal move paths of a position
        carefleet xiangqi match --first SPEC --second SPEC [--rounds N] [--movetime MS] [--openings FILE] [--maxplies N]
            plays two engines over the openings with colours swapped; SPEC is level:1..12, ucci:COMMAND,
            uci:COMMAND (ranks 0-9) or uci-variant:COMMAND (a multi-variant UCI engine)
        """, PassThrough: true);

    public static IReadOnlyList<CliVerb> All { get; } = [Demo, Serve, Sim, Migrate, Xiangqi];
}
