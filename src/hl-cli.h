/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit codes of the command line */
#define HL_EXIT_OK     0
#define HL_EXIT_DATA   1   /* bad data, or an I/O error */
#define HL_EXIT_USAGE  2

typedef struct _HlCli HlCli;

HlCli    *hl_cli_new             (void);
void      hl_cli_free            (HlCli        *cli);
gboolean  hl_cli_parse           (HlCli        *cli,
                                  int          *argc,
                                  char       ***argv,
                                  int          *exit_code);
gboolean  hl_cli_is_headless     (HlCli        *cli);
int       hl_cli_run             (HlCli        *cli);
char    **hl_cli_get_files       (HlCli        *cli);
char    **hl_cli_get_added_files (HlCli        *cli);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HlCli, hl_cli_free)

G_END_DECLS
