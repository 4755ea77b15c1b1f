using EPoomasi.Gateway;

return GatewayApp.Run(args);
