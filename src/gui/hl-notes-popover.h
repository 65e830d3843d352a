/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "hl-session.h"

G_BEGIN_DECLS

#define HL_TYPE_NOTES_POPOVER (hl_notes_popover_get_type ())
G_DECLARE_FINAL_TYPE (HlNotesPopover, hl_notes_popover, HL, NOTES_POPOVER, GtkPopover)

/* Adds or edits one annotation of a session: its text, its date or
 * from/to span, its colour; Save and Delete change the session (undoably). */
GtkWidget *hl_notes_popover_new        (HlSession          *session);
void       hl_notes_popover_edit       (HlNotesPopover     *self,
                                        const HlAnnotation *note,
                                        gint64              from,
                                        gint64              to);
void       hl_notes_popover_set_lane   (HlNotesPopover     *self,
                                        const char         *lane_id);
const char *hl_notes_popover_get_id    (HlNotesPopover     *self);
GtkEditable *hl_notes_popover_get_text_entry (HlNotesPopover *self);
void       hl_notes_popover_set_color  (HlNotesPopover     *self,
                                        guint32             rgb);
gboolean   hl_notes_popover_save       (HlNotesPopover     *self);
void       hl_notes_popover_delete     (HlNotesPopover     *self);

G_END_DECLS
