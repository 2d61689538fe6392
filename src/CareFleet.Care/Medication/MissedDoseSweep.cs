using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CareFleet.Care.Medication;

/// <summary>
/// Once a minute (on the home's clock), closes the doses whose window shut without documentation, so the MAR has no
/// blank cells (surveyors cite blank cells; CARE.md §1.2).
/// </summary>
public sealed partial class MissedDoseSweep(MedicationService service, TimeProvider time, ILogger<MissedDoseSweep> logger) : BackgroundService
{
    private static readonly TimeSpan Period = TimeSpan.FromMinutes(1);

    // Two days back covers a server that was down overnight.
    private static readonly TimeSpan LookBack = TimeSpan.FromDays(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var closed = await service.CloseOverdueDosesAsync(LookBack, stoppingToken);
                if (closed > 0)
                {
                    LogClosed(logger, closed);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Recorded {Count} doses whose window closed without an outcome")]
    private static partial void LogClosed(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The missed-dose sweep failed; it runs again in a minute")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
