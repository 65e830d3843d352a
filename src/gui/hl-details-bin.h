/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "hl-session.h"

G_BEGIN_DECLS

#define HL_TYPE_BIN_SECTION (hl_bin_section_get_type ())
G_DECLARE_FINAL_TYPE (HlBinSection, hl_bin_section, HL, BIN_SECTION, GtkBox)

/* The details panel's list of the session's chosen calendar bin (issue
 * 10): its period, how many events, and its events largest first, each
 * a button that selects it. Hidden while no bin is chosen. */
GtkWidget *hl_bin_section_new         (void);
void       hl_bin_section_set_session (HlBinSection *self,
                                       HlSession    *session);

G_END_DECLS
