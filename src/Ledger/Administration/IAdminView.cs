using EPoomasi.Ledger.Accounts;
using EPoomasi.Ledger.Districts;

namespace EPoomasi.Ledger.Administration;

/// <summary>What an administration decision may read: the districts and accounts its transaction locked.</summary>
public interface IAdminView
{
    District? FindDistrict(string districtId);

    Account? FindAccount(Guid accountId);
}
