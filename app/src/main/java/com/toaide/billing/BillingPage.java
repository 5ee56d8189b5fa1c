package com.toaide.billing;

import com.toaide.platform.web.Frame;

public record BillingPage(Frame frame, PlanView plan) {}
