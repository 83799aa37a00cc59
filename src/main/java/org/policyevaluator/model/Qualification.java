package org.policyevaluator.model;

public enum Qualification { LEADING_ENTERPRISE, LITTLE_GIANT, SPECIALIZED_SME, HIGH_TECH_ENTERPRISE, NATIONAL_SMART_FACTORY }
