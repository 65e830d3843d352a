/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "hl-session.h"

G_BEGIN_DECLS

#define HL_TYPE_PROXIMITY_SECTION (hl_proximity_section_get_type ())
G_DECLARE_FINAL_TYPE (HlProximitySection, hl_proximity_section, HL, PROXIMITY_SECTION, GtkBox)

/* The details panel's proximity lines (issue 12): for the shown event,
 * its neighbours in the other lane within the session's window, each one
 * a button that selects it, and the window's choice (7, 14, 30, 60, 90
 * days or custom). */
GtkWidget *hl_proximity_section_new       (void);
void       hl_proximity_section_set_session (HlProximitySection *self,
                                             HlSession          *session);
void       hl_proximity_section_set_event (HlProximitySection *self,
                                           int                 event);

G_END_DECLS
