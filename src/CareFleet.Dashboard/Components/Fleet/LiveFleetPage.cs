using CareFleet.Fleet.Robots;
using CareFleet.Fleet.Twins;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace CareFleet.Dashboard.Components.Fleet;

/// <summary>
/// A page that shows the fleet live: loads the registered robots, then follows every twin change over the
/// page's connection. Re-renders at most every <see cref="MinRenderInterval"/> so 60 robots reporting at
/// 1 Hz cost a handful of renders a second, not sixty.
/// </summary>
public abstract class LiveFleetPage : ComponentBase, IDisposable
{
    private static readonly TimeSpan MinRenderInterval = TimeSpan.FromMilliseconds(250);
    private readonly Dictionary<string, RobotTwinSnapshot> _twins = new(StringComparer.Ordinal);
    private int _renderScheduled;

    [Inject]
    protected FleetLiveFeed Feed { get; set; } = default!;

    [Inject]
    protected IServiceScopeFactory Scopes { get; set; } = default!;

    [Inject]
    protected TimeProvider Time { get; set; } = default!;

    protected IReadOnlyList<RegisteredRobot> Robots { get; private set; } = [];

    protected IReadOnlyList<RobotTwinSnapshot> Twins
    {
        get
        {
            lock (_twins)
            {
                return _twins.Values.ToArray();
            }
        }
    }

    protected RobotTwinSnapshot TwinOf(RegisteredRobot robot)
    {
        ArgumentNullException.ThrowIfNull(robot);
        lock (_twins)
        {
            return _twins.GetValueOrDefault($"{robot.Manufacturer}/{robot.SerialNumber}") ?? RobotTwinSnapshot.Unknown(robot.Manufacturer, robot.SerialNumber);
        }
    }

    protected override async Task OnInitializedAsync()
    {
        await LoadRobotsAsync();
        lock (_twins)
        {
            foreach (var twin in Feed.All)
            {
                _twins[twin.Key] = twin;
            }
        }

        Feed.Changed += OnTwinChanged;
    }

    private async Task LoadRobotsAsync()
    {
        await using var scope = Scopes.CreateAsyncScope();
        Robots = await scope.ServiceProvider.GetRequiredService<RobotRegistry>().ListAsync(CancellationToken.None);
    }

    private void OnTwinChanged(RobotTwinSnapshot snapshot)
    {
        lock (_twins)
        {
            _twins[snapshot.Key] = snapshot;
        }

        if (Interlocked.Exchange(ref _renderScheduled, 1) == 1)
        {
            return;
        }

        _ = InvokeAsync(async () =>
        {
            await Task.Delay(MinRenderInterval, Time);
            Interlocked.Exchange(ref _renderScheduled, 0);
            if (Robots.Count < Twins.Count)
            {
                // A robot registered after this page opened appears at its first report.
                await LoadRobotsAsync();
            }

            StateHasChanged();
        });
    }

    public void Dispose()
    {
        Feed.Changed -= OnTwinChanged;
        DisposeCore();
        GC.SuppressFinalize(this);
    }

    /// <summary>Unsubscribes what a derived page subscribed to.</summary>
    protected virtual void DisposeCore()
    {
    }
}
