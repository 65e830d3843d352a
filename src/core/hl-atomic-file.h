/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Replacing a file so that readers see the old bytes or the new ones,
 * never a mixture: write a temporary beside the target, then rename it
 * over. The target is the file a symbolic link points to (the link is
 * kept), keeps its mode, owner and group, and is refused while read-only
 * unless forced. */

typedef enum
{
  HL_ATOMIC_FILE_FLAGS_NONE  = 0,
  HL_ATOMIC_FILE_FLAGS_FORCE = 1 << 0, /* replace a read-only target too */
} HlAtomicFileFlags;

/* Links followed from the path given to the file written: Linux's own
 * bound (MAXSYMLINKS). */
#define HL_ATOMIC_FILE_MAX_LINKS 40

typedef struct _HlAtomicFile HlAtomicFile;

HlAtomicFile *hl_atomic_file_open          (const char         *path,
                                            HlAtomicFileFlags   flags,
                                            GError            **error);
int           hl_atomic_file_get_fd        (HlAtomicFile       *file);
const char   *hl_atomic_file_get_path      (HlAtomicFile       *file);
const char   *hl_atomic_file_get_target    (HlAtomicFile       *file);
gboolean      hl_atomic_file_write         (HlAtomicFile       *file,
                                            const void         *data,
                                            gsize               length,
                                            GError            **error);
gboolean      hl_atomic_file_commit        (HlAtomicFile       *file,
                                            GError            **error);
void          hl_atomic_file_abort         (HlAtomicFile       *file);
void          hl_atomic_file_free          (HlAtomicFile       *file);

gboolean      hl_atomic_file_replace_contents (const char         *path,
                                               const void         *data,
                                               gsize               length,
                                               HlAtomicFileFlags   flags,
                                               GError            **error);

void          hl_atomic_file_install_signal_cleanup (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HlAtomicFile, hl_atomic_file_free)

G_END_DECLS
