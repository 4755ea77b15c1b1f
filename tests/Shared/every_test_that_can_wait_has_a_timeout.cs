using System.Reflection;

namespace EPoomasi.Tests;

/// <summary>
/// A test that awaits can hang (a lock never released, a clock nobody advances); with a timeout it
/// fails naming itself instead of stalling the whole run. Synchronous tests here are pure functions.
/// </summary>
public sealed class every_test_that_can_wait_has_a_timeout
{
    [Fact(Timeout = TestTimeouts.Default)]
    public async Task in_this_assembly()
    {
        await Task.Yield();
        var missing = typeof(every_test_that_can_wait_has_a_timeout).Assembly.GetTypes()
            .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(method => typeof(Task).IsAssignableFrom(method.ReturnType) || method.ReturnType == typeof(ValueTask))
            .Select(method => (Method: method, Fact: method.GetCustomAttributes().OfType<FactAttribute>().FirstOrDefault()))
            .Where(test => test.Fact is { Timeout: <= 0 })
            .Select(test => $"{test.Method.DeclaringType!.Name}.{test.Method.Name}")
            .ToList();

        Assert.True(missing.Count == 0, $"Tests without a timeout: {string.Join(", ", missing)}");
    }
}
