package io.fidelis.generator;

import io.fidelis.core.domain.CompanySize;

/** Draws synthetic companies: industry, region, size, related-party group and a plausible name. */
final class Firms {

    static final String[] INDUSTRIES = {
        "manufacturing", "construction", "logistics", "energy", "wholesale_trade", "technology",
        "chemicals", "food_processing", "healthcare", "agriculture", "real_estate", "textiles"
    };
    private static final double[] INDUSTRY_WEIGHTS = {22, 10, 9, 7, 12, 9, 6, 7, 5, 6, 4, 3};
    private static final String[] INDUSTRY_ZH = {"制造", "建设", "物流", "能源", "贸易", "科技", "化工", "食品", "医药", "农业", "置业", "纺织"
    };
    private static final String[] INDUSTRY_EN = {
        "Manufacturing", "Construction", "Logistics", "Energy", "Trading", "Technology",
        "Chemicals", "Foods", "Pharmaceutical", "Agriculture", "Real Estate", "Textiles"
    };

    private static final String[] REGIONS = {
        "Shanghai",
        "Jiangsu",
        "Zhejiang",
        "Guangdong",
        "Beijing",
        "Shandong",
        "Sichuan",
        "Hubei",
        "Fujian",
        "Henan",
        "Tianjin"
    };
    private static final double[] REGION_WEIGHTS = {12, 14, 13, 15, 8, 9, 6, 6, 7, 5, 5};
    private static final String[] REGION_ZH = {"上海", "江苏", "浙江", "广东", "北京", "山东", "四川", "湖北", "福建", "河南", "天津"};
    private static final String[] AREA_ZH = {"华东", "华南", "华北", "长江", "中原", "东方", "珠江", "环球"};

    private static final String[] BRAND_ZH = {
        "精密", "恒达", "鑫源", "宏远", "中联", "金桥", "瑞丰", "华信", "永盛", "天成", "博远", "汇通", "新元", "兴业", "德胜", "嘉禾", "顺发", "盛世",
        "远航", "百川", "泰和", "万通", "明阳", "安信", "联创"
    };
    private static final String[] BRAND_PINYIN = {
        "Jingmi", "Hengda", "Xinyuan", "Hongyuan", "Zhonglian", "Jinqiao", "Ruifeng", "Huaxin", "Yongsheng",
        "Tiancheng", "Boyuan", "Huitong", "Xinyuan", "Xingye", "Desheng", "Jiahe", "Shunfa", "Shengshi",
        "Yuanhang", "Baichuan", "Taihe", "Wantong", "Mingyang", "Anxin", "Lianchuang"
    };
    private static final String[] NICKNAMES = {"Golden Bridge", "Blue Sky", "Evergreen", "Pearl River"};

    private static final double[] SIZE_WEIGHTS = {15, 35, 35, 15};
    private static final CompanySize[] SIZES = CompanySize.values();

    /** Customers come in blocks of this many; some customers of a block belong to the block's group. */
    private static final int GROUP_BLOCK = 6;

    private Firms() {}

    static Firm draw(int index, Draw draw) {
        int industry = draw.weighted(INDUSTRY_WEIGHTS);
        int region = draw.weighted(REGION_WEIGHTS);
        CompanySize size = SIZES[draw.weighted(SIZE_WEIGHTS)];
        String groupId = draw.chance(0.2) ? "G" + Ids.pad(index / GROUP_BLOCK + 1, 6) : null;
        String name = draw.chance(0.75) ? chineseName(draw, industry, region) : englishName(draw, industry, region);
        if (groupId != null && draw.chance(0.5)) {
            name = name.replace("有限公司", "集团有限公司").replace("Co., Ltd.", "Group Co., Ltd.");
        }
        return new Firm(
                name,
                industry,
                draw.chance(0.01) ? null : REGIONS[region],
                draw.chance(0.02) ? null : size,
                groupId,
                draw.chance(0.01));
    }

    private static String chineseName(Draw draw, int industry, int region) {
        String place = draw.chance(0.7) ? REGION_ZH[region] : draw.oneOf(AREA_ZH);
        String suffix = draw.chance(0.3) ? "股份有限公司" : "有限公司";
        return place + draw.oneOf(BRAND_ZH) + INDUSTRY_ZH[industry] + suffix;
    }

    private static String englishName(Draw draw, int industry, int region) {
        String brand = draw.oneOf(BRAND_PINYIN);
        if (draw.chance(0.02)) {
            brand = brand + " \"" + draw.oneOf(NICKNAMES) + "\"";
        }
        return REGIONS[region] + " " + brand + " " + INDUSTRY_EN[industry] + " Co., Ltd.";
    }
}
