/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define HL_TYPE_DATASET_MONITOR (hl_dataset_monitor_get_type ())
G_DECLARE_FINAL_TYPE (HlDatasetMonitor, hl_dataset_monitor, HL, DATASET_MONITOR, GObject)

/* Watches a dataset file for a live reload. Editors write in bursts and
 * often save by writing a new file and renaming it over the old one:
 * "changed" is emitted once per burst, @debounce_ms after the last event,
 * and the watch survives the file being replaced. A file that goes away
 * emits nothing (what was loaded stays on screen); when it comes back
 * (deleted and written again, its folder renamed away and back) that is
 * one "changed" and the watch goes on. */

HlDatasetMonitor *hl_dataset_monitor_new      (GFile            *file,
                                               guint             debounce_ms);
GFile            *hl_dataset_monitor_get_file (HlDatasetMonitor *self);

G_END_DECLS
