package org.policyevaluator.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import org.policyevaluator.account.Account;
import org.policyevaluator.account.Accounts;
import org.policyevaluator.account.Organisation;
import org.policyevaluator.intake.InvalidRequest;
import org.policyevaluator.intake.Location;
import org.policyevaluator.intake.Problem;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Accounts, for admins only (the filter chain): list them, create one. Passwords are stored as BCrypt hashes. */
@RestController
@RequestMapping("/api/users")
@Tag(name = "accounts", description = "Accounts and roles (admins)")
class AccountApi {

    record NewAccount(String username, String password, String role, List<String> programs, Organisation organisation) {
    }

    private final Accounts accounts;
    private final Evaluations evaluations;

    AccountApi(Accounts accounts, Evaluations evaluations) {
        this.accounts = accounts;
        this.evaluations = evaluations;
    }

    @Operation(summary = "Every account: user name, role, a reviewer's programmes")
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    List<Account> list() {
        return accounts.all();
    }

    @Operation(summary = "Create an account",
            description = "Body: {\"username\": \"li.wei\", \"password\": \"...\", \"role\": \"REVIEWER\", \"programs\": [\"compute\"], "
                    + "\"organisation\": {\"name\": \"...\", \"creditCode\": \"...\"}} (organisation optional: nobody judges what it applied for)")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Account> create(@RequestBody NewAccount body, Principal principal) {
        try {
            Account a = accounts.create(body.username(), body.password(), body.role(), body.programs(), body.organisation(),
                    principal.getName(), evaluations.programmes());
            return ResponseEntity.created(URI.create("/api/users/" + a.username())).body(a);
        } catch (Accounts.Taken e) {
            throw new WebProblem(HttpStatus.CONFLICT, "error.title.accountExists",
                    Problem.of(null, "error.account.taken", "username", e.username()),
                    List.of(Problem.of(Location.InJson.of("$").at("username"), "error.account.takenField",
                            "username", e.username())));
        } catch (InvalidRequest e) {
            throw WebProblem.invalid("error.title.invalidAccount", e.problems());
        }
    }
}
