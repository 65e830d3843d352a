/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* --import and its options (hl-cli-import.c), kept apart from hl-cli.c. */
typedef struct _HlCliImport HlCliImport;

HlCliImport  *hl_cli_import_new          (void);
void          hl_cli_import_free         (HlCliImport *imp);
GOptionGroup *hl_cli_import_option_group (HlCliImport *imp);
gboolean      hl_cli_import_is_requested (HlCliImport *imp);
int           hl_cli_import_run          (HlCliImport *imp);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HlCliImport, hl_cli_import_free)

G_END_DECLS
