#!/bin/sh
# CI step: checks the billing API this job started against the billkit contract, and fails
# the job (exit 1) with the report when it does not keep it.
#   BILLING_API_URL                 your API's base URL, e.g. http://127.0.0.1:8080/v1
#   BILLING_TEAM_ID                 a test team: the suite changes its data (--mutations)
#   BILLKIT_CONTRACT_TOKEN          an admin's or billing viewer's token of that team
#   BILLKIT_CONTRACT_MEMBER_TOKEN   a member's token (billing-only reads must be 403)
# billkit-contract comes with @billkit/mocks; run this script through your package manager
# (`npm exec -- sh contract-check.sh`, `pnpm exec sh contract-check.sh`) so it is on PATH.
set -eu
exec billkit-contract --base-url "$BILLING_API_URL" --team "$BILLING_TEAM_ID" --mutations
