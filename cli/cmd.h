/*
 * cmd.h - the newsgraph commands and the helpers they share.
 *
 * Each command lives in cli/cmd_<name>.c and has the signature int cmd_<name>(argc, argv),
 * where argv[0] is the command name; it returns the process exit status (NG_EXIT_*). Only
 * main() exits.
 */
#ifndef NG_CMD_H
#define NG_CMD_H

#include "ng_core.h"

/* Exit statuses (README: Exit codes). */
enum {
    NG_EXIT_OK = 0,      /* done; skipped inputs were reported and counted */
    NG_EXIT_FAILED = 1,  /* failed; nothing half-written */
    NG_EXIT_USAGE = 2    /* bad command line */
};

int cmd_build(int argc, char **argv);
int cmd_extract(int argc, char **argv);
int cmd_merge(int argc, char **argv);
int cmd_metrics(int argc, char **argv);
int cmd_eval(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_explain(int argc, char **argv);

/* One row of main's command table: `newsgraph NAME ...` runs run(argc, argv) with argv[0] NAME. */
typedef struct cli_command {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
    int formats; /* the summary ends with export's formats */
} cli_command;
/* Writes c's one-line summary (as `newsgraph --help` and the man page show it) into buf. */
void cli_command_summary(char *buf, size_t size, const cli_command *c);

/* Prints "newsgraph: error: <msg>" on stderr. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Prints "newsgraph: warning: <msg>" on stderr unless quiet. */
void cli_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Prints "newsgraph: <msg>" (progress, "wrote FILE") on stderr unless quiet. All three
 * escape control characters (a file name with a newline or ESC stays on one line and never
 * reaches the terminal raw) and mark a line cut for length with "...". Every message on
 * stderr goes through them. */
void cli_note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
extern int cli_quiet, cli_verbose;

/* ---- a small option parser driven by a table (usage and --help come from the table) ---- */

typedef enum { OPT_FLAG, OPT_STRING, OPT_SIZE, OPT_INT, OPT_LIST } opt_kind;

typedef struct cli_opt {
    char short_name;     /* 0 when none */
    const char *long_name;
    opt_kind kind;
    void *value;         /* int* (FLAG, INT), const char** (STRING), size_t* (SIZE), cli_list* */
    const char *arg;     /* argument name for help, NULL for flags */
    const char *help;
} cli_opt;

/* A repeatable string option (-o FILE -o FILE). */
typedef struct cli_list {
    const char **items;
    size_t n, cap;
} cli_list;
void cli_list_free(cli_list *l);

/* Parses argv[1..] against opts (terminated by an entry with long_name NULL). Positional
 * arguments are collected in `positional`. "-h/--help" sets *help. Returns 0, or 2 after
 * printing a usage error naming the option. */
int cli_parse(int argc, char **argv, const cli_opt *opts, cli_list *positional, int *help);
/* Prints the option table as help text, then the -h/--help row every command has. */
void cli_print_options(FILE *fp, const cli_opt *opts);
/* The -h/--help row that cli_parse handles for every command (printed last). */
extern const cli_opt cli_help_opt;

/* ---- documentation mode: the man page and the bash completion come from these same tables ----
 * While cli_doc_hook is set, cli_parse parses nothing: it hands the command's table to the hook
 * and asks for help, so that the command prints its --help text, in which cli_print_options
 * writes only the line CLI_DOC_MARK where the options go (cli/doc.c reads both). */
extern void (*cli_doc_hook)(const cli_opt *opts);
#define CLI_DOC_MARK "\f"
/* `newsgraph help --man TEMPLATE` or `help --bash-completion TEMPLATE` (argv[0] is "help"):
 * prints the template with its @...@ lines filled from the commands' tables and help texts.
 * Returns an exit status. */
int cli_doc_main(int argc, char **argv, const cli_command *commands, size_t n_commands);

/* --relations FILE.csv (repeatable), on every command that extracts or merges. */
/* --sources N: the articles each edge and node keeps (ng_graph_set_sources), for every graph
 * the command makes (cli_graph_new: partial graphs too). */
extern size_t cli_sources;
#define SOURCES_OPTION                                                                          \
    {0, "sources", OPT_SIZE, &cli_sources, "N",                                                \
     "articles each edge and node cites, earliest first (default 5, at most 1000)"}
/* NG_EXIT_OK, or NG_EXIT_USAGE (message printed) when --sources is too large: call after
 * parsing, before any work. */
int cli_check_sources(void);
/* ng_graph_new with --sources applied. */
struct ng_graph;
int cli_graph_new(struct ng_graph **out);
#define RELATIONS_OPTION(list)                                                                  \
    {0, "relations", OPT_LIST, &(list), "FILE.csv",                                            \
     "declare relation types (name,direction,hostile,subjects,objects,description)"}
/* Declares the relation types of every --relations file, in order, before any work. Returns
 * 0, or 2 after printing "FILE:LINE: what to fix" (always shown, even with -q). */
int cli_declare_relations(const cli_list *files);

/* --show-relations LIST and --drop-isolated of build and report. Not `--relations LIST` as on
 * metrics: on build and report `--relations` already takes FILE.csv (relation types a user
 * declares), and one option with two meanings by command would read wrong in scripts. */
#define SHOW_RELATIONS_OPTIONS(list, drop, what)                                               \
    {0, "show-relations", OPT_STRING, &(list), "LIST",                                         \
     "only these relation types, e.g. met,signed,condemned (" what ")"},                       \
    {0, "drop-isolated", OPT_FLAG, &(drop), NULL, "leave out actors without a relation kept"}
/* "met,signed" -> bits ((uint64_t)1 << ng_rel); call after cli_declare_relations (declared
 * types may be named). Returns 0, or 2 after naming the bad entry and the known types. */
int cli_relation_list(uint64_t *mask, const char *cmd, const char *list);

#endif
