package db.migration;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.policyevaluator.store.AuditChain;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Accounts are in the audit log since this version: those made before are recorded once, now, in name order,
 * so that from here on a role or password changed behind the application's back breaks the chain.
 */
public class V6__Chain_existing_accounts extends BaseJavaMigration {
    @Override
    public void migrate(Context context) {
        JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(context.getConnection(), true));
        List<String> unrecorded = jdbc.queryForList("SELECT username FROM account WHERE username NOT IN "
                + "(SELECT ref_id FROM audit_log WHERE kind = 'ACCOUNT') ORDER BY username", String.class);
        String at = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
        for (String username : unrecorded) {
            AuditChain.appendAccount(jdbc, username, at);
        }
    }
}
