/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hl-session.h"

G_BEGIN_DECLS

/* hl-timeline-a11y.c */
char *_hl_timeline_describe (HlSession *session);

G_END_DECLS
