export const usage = `Usage:
  rekey run (--practice | --directory NAME) (--select QUERY|all | --csv FILE)
            [--exclude-set NAME]... [--dry-run [--plan-out FILE]]
            [--yes] [--approve LOGIN,...] [--data-dir DIR]
  rekey resume [RUN_ID | --all] [--data-dir DIR]
  rekey journal verify FILE
  rekey report FILE --format csv|json|html --out FILE

  --practice        use the practice directories (no real account is touched)
  --directory NAME  a connected directory, by id or display name (with --practice: narrows to one)
  --select QUERY    accounts whose name, login or e-mail contains QUERY; "all" for every account
  --csv FILE        accounts listed in a CSV file: a header with "directory" and one of id, upn, login, sam
  --exclude-set     apply a saved exclusion set (repeatable); never-touch lists always apply
  --dry-run         make and print the plan only; --plan-out writes it as JSON
  --yes             approve accounts whose policy is "confirm" (not "typed-confirm")
  --approve LIST    approve typed-confirm accounts by typing their logins, comma-separated
                    (logins with "@" compare case-insensitively, other names must match exactly)
  --data-dir DIR    where journals and practice state live (default: $REKEY_DATA_DIR or ~/.rekey)

Exit status: 0 when every planned account was verified (dry run: when the plan was made),
1 when anything else happened, 2 for a usage error.
`;
