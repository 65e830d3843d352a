/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "hl-session.h"

G_BEGIN_DECLS

#define HL_TYPE_SPAN_SECTION (hl_span_section_get_type ())
G_DECLARE_FINAL_TYPE (HlSpanSection, hl_span_section, HL, SPAN_SECTION, GtkBox)

/* The panel's summary of a selected span (issue 12): its days, each
 * visible lane's totals in it, its largest events as buttons that select
 * them, and Zoom to Span, Analyze Span and Annotate Span. Hidden while
 * there is none. */
GtkWidget *hl_span_section_new         (void);
void       hl_span_section_set_session (HlSpanSection *self,
                                        HlSession     *session);

G_END_DECLS
