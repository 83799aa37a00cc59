package org.policyevaluator.model;

public enum ManufacturingStage { RND_DESIGN, PILOT_VERIFICATION, PRODUCTION, MARKETING_SERVICE, OPERATIONS_MANAGEMENT }
