using EPoomasi.Gateway.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddLedger();
builder.AddGatewayGrpc();

var app = builder.Build();
app.MapGateway();
app.Run();

/// <summary>The gateway's entry point, visible to end-to-end tests.</summary>
public partial class Program;
