/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A safe, unique file name (within NAME_MAX) for the view @name with the
 * extension @ext; @taken holds the casefolded names given so far (owned
 * keys, freed with g_free) and gets the new one. */
char *hl_cli_view_file_name (const char *name,
                             const char *ext,
                             GHashTable *taken);

G_END_DECLS
