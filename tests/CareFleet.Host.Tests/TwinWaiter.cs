using CareFleet.Fleet.Twins;

namespace CareFleet.Host.Tests;

/// <summary>Waits until a robot's twin satisfies a condition (a barrier on the live feed, not a sleep).</summary>
internal static class TwinWaiter
{
    public static async Task<RobotTwinSnapshot> WaitForAsync(FleetLiveFeed feed, string key, Func<RobotTwinSnapshot, bool> condition, string what)
    {
        var done = new TaskCompletionSource<RobotTwinSnapshot>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnChanged(RobotTwinSnapshot s)
        {
            if (s.Key == key && condition(s))
            {
                done.TrySetResult(s);
            }
        }

        feed.Changed += OnChanged;
        try
        {
            var current = feed.All.FirstOrDefault(t => t.Key == key);
            if (current is not null && condition(current))
            {
                return current;
            }

            try
            {
                return await done.Task.WaitAsync(TimeSpan.FromSeconds(15));
            }
            catch (TimeoutException)
            {
                var last = feed.All.FirstOrDefault(t => t.Key == key);
                throw new Xunit.Sdk.XunitException($"Twin {key} never became {what}; last seen: {last?.ToString() ?? "nothing"}");
            }
        }
        finally
        {
            feed.Changed -= OnChanged;
        }
    }
}
