/**
 * Tools for policy officers: checking a ruleset before it goes live, measuring how often rules fire
 * over a batch, and comparing two rulesets on the same applications.
 */
package org.policyevaluator.tooling;
