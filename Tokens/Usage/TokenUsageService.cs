using System.Globalization;
using ScimGateway.Tokens.Management;

namespace ScimGateway.Tokens.Usage;

/// <summary>Serves the folded daily usage of a token to whoever may see the token.</summary>
public sealed class TokenUsageService(TokenService tokens, IUsageStore usage, TimeProvider time)
{
    /// <summary>The most days one request may cover.</summary>
    public const int MaxDays = 365;

    /// <summary>The last <paramref name="days"/> UTC days up to today, with the visibility rules of <see cref="TokenService.Get"/>.</summary>
    public Outcome<TokenUsageView> Get(Caller caller, string id, int days)
    {
        if (days is < 1 or > MaxDays)
        {
            return Outcome<TokenUsageView>.Fail(ErrorKind.BadRequest, $"days must be a whole number from 1 to {MaxDays}.");
        }

        var token = tokens.Get(caller, id);
        if (!token.Succeeded)
        {
            return token.As<TokenUsageView>();
        }

        var lastDay = time.GetUtcNow().UtcDateTime.Date;
        var firstDay = lastDay.AddDays(1 - days);
        var stored = usage.ReadDaily(id, firstDay, lastDay).ToDictionary(r => r.Period.Date);
        var list = new List<DailyUsage>(days);
        for (var day = firstDay; day <= lastDay; day = day.AddDays(1))
        {
            var r = stored.GetValueOrDefault(day);
            var (success, clientError, serverError) = r is null ? (0L, 0L, 0L) : (r.Success, r.ClientError, r.ServerError);
            list.Add(new DailyUsage(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), success + clientError + serverError,
                success, clientError, serverError));
        }

        var total = new UsageTotals(list.Sum(d => d.Requests), list.Sum(d => d.Success), list.Sum(d => d.ClientError), list.Sum(d => d.ServerError));
        var view = token.Value!;
        return Outcome<TokenUsageView>.Ok(new TokenUsageView(id, list, view.LastUsed, view.LastUsedAddress, total));
    }
}
