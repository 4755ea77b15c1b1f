using EPoomasi.Gateway;

GatewayApp.Create(args).Run();
