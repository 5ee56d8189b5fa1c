package com.toaide.billing;

import com.toaide.platform.web.Layout;

public record BillingPage(Layout layout, PlanView plan) {}
