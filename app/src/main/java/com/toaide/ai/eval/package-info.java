/**
 * The eval harness ({@code java -jar aide.jar eval}): multi-turn scenarios run against the
 * configured model through the same prompts, tools, mapping, tiers and kernel as real turns,
 * with checks on the resulting page, scored per check and per scenario, with tokens and cost.
 * It keeps each scenario's page in memory: no database, no server.
 *
 * <p>Owns: {@link com.toaide.ai.eval.Scenario} and its checks ({@link com.toaide.ai.eval.Check},
 * {@link com.toaide.ai.eval.Match}), the {@link com.toaide.ai.eval.EvalRunner} and the
 * {@link com.toaide.ai.eval.EvalCommand}. Uses only the {@code ai} package's public API and
 * the kernel.
 */
package com.toaide.ai.eval;
