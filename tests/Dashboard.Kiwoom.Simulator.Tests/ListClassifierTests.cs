using Dashboard.Kiwoom.Catalog;
using Dashboard.Kiwoom.Simulator.Rest;

namespace Dashboard.Kiwoom.Simulator.Tests;

/// <summary>
/// What every LIST of every catalog TR is, as the simulator reads it from the catalog: a change to the classifier
/// that moves any list to another shape shows up here as a one-line diff to review.
/// </summary>
public sealed class ListClassifierTests
{
    /// <summary>"tr list shape", one per LIST of the simulator's schema, in catalog order.</summary>
    private const string Expected = """
        ka00198 item_inq_rank Instruments
        ka01690 day_bal_rt Instruments
        ka10003 cntr_infr Tape
        ka10005 stk_ddwkmm Days
        ka10008 stk_frgnr Days
        ka10011 newstk_recvrht_mrpr Instruments
        ka10013 crd_trde_trend Days
        ka10014 shrts_trnsn Days
        ka10015 daly_trde_dtl Days
        ka10016 ntl_pric Instruments
        ka10017 updown_pric Instruments
        ka10018 high_low_pric_alacc Instruments
        ka10019 pric_jmpflu Instruments
        ka10020 bid_req_upper Instruments
        ka10021 bid_req_sdnin Instruments
        ka10022 req_rt_sdnin Instruments
        ka10023 trde_qty_sdnin Instruments
        ka10024 trde_qty_updt Instruments
        ka10025 prps_cnctr Instruments
        ka10026 high_low_per Instruments
        ka10027 pred_pre_flu_rt_upper Instruments
        ka10028 open_pric_pre_flu_rt Instruments
        ka10029 exp_cntr_flu_rt_upper Instruments
        ka10030 tdy_trde_qty_upper Instruments
        ka10031 pred_trde_qty_upper Instruments
        ka10032 trde_prica_upper Instruments
        ka10033 crd_rt_upper Instruments
        ka10034 for_dt_trde_upper Instruments
        ka10035 for_cont_nettrde_upper Instruments
        ka10036 for_limit_exh_rt_incrs_upper Instruments
        ka10037 frgn_wicket_trde_upper Instruments
        ka10038 stk_sec_rank Brokers
        ka10039 sec_trde_upper Instruments
        ka10040 tdy_main_trde_ori Days
        ka10042 netprps_trde_ori_rank Brokers
        ka10043 trde_ori_prps_anly Days
        ka10044 daly_orgn_trde_stk Instruments
        ka10045 stk_orgn_trde_trnsn Days
        ka10046 cntr_str_tm Tape
        ka10047 cntr_str_daly Days
        ka10048 elwdaly_snst_ix Days
        ka10050 elwsnst_ix_array IndicatorSeries
        ka10051 inds_netprps Sectors
        ka10052 trde_ori_mont_trde_qty Instruments
        ka10053 tdy_upper_scesn_ori Days
        ka10054 motn_stk ViEvents
        ka10055 tdy_pred_cntr_qty Tape
        ka10058 invsr_daly_trde_stk Instruments
        ka10059 stk_invsr_orgn Days
        ka10060 stk_invsr_orgn_chart Days
        ka10061 stk_invsr_orgn_tot Repeated
        ka10062 eql_nettrde_rank Instruments
        ka10063 opmr_invsr_trde Instruments
        ka10064 opmr_invsr_trde_chart Tape
        ka10065 opmr_invsr_trde_upper Instruments
        ka10066 opaf_invsr_trde Instruments
        ka10068 dbrt_trde_trnsn Days
        ka10069 dbrt_trde_upper_10stk Instruments
        ka10072 dt_stk_div_rlzt_pl Instruments
        ka10073 dt_stk_rlzt_pl Instruments
        ka10074 dt_rlzt_pl Days
        ka10075 oso Instruments
        ka10076 cntr Instruments
        ka10077 tdy_rlzt_pl_dtl Instruments
        ka10078 sec_stk_trde_trend Days
        ka10079 stk_tic_chart_qry Chart
        ka10080 stk_min_pole_chart_qry Chart
        ka10081 stk_dt_pole_chart_qry Chart
        ka10082 stk_stk_pole_chart_qry Chart
        ka10083 stk_mth_pole_chart_qry Chart
        ka10084 tdy_pred_cntr Tape
        ka10085 acnt_prft_rt Instruments
        ka10086 daly_stkpc Days
        ka10088 osop Instruments
        ka10094 stk_yr_pole_chart_qry Chart
        ka10095 atn_stk_infr Instruments
        ka10098 ovt_sigpric_flu_rt_rank Instruments
        ka10099 list ListingDirectory
        ka10101 list Sectors
        ka10102 list Brokers
        ka10131 orgn_frgnr_cont_trde_prst Instruments
        ka10170 tdy_trde_diary Instruments
        ka10171 data Instruments
        ka10172 data Instruments
        ka10173 data Instruments
        ka20001 inds_cur_prc_tm Tape
        ka20002 inds_stkpc Instruments
        ka20003 all_inds_idex SectorIndices
        ka20004 inds_tic_chart_qry Chart
        ka20005 inds_min_pole_qry Chart
        ka20006 inds_dt_pole_qry Chart
        ka20007 inds_stk_pole_qry Chart
        ka20008 inds_mth_pole_qry Chart
        ka20009 inds_cur_prc_daly_rept Days
        ka20019 inds_yr_pole_qry Chart
        ka20068 dbrt_trde_trnsn Days
        ka30001 elwpric_jmpflu Instruments
        ka30002 trde_ori_elwnettrde_upper Instruments
        ka30003 elwlpposs_daly_trnsn Days
        ka30004 elwdispty_rt Instruments
        ka30005 elwcnd_qry Instruments
        ka30009 elwflu_rt_rank Instruments
        ka30010 elwreq_rank Instruments
        ka30011 elwalacc_rt Instruments
        ka40001 etfprft_rt_lst EtfReturns
        ka40003 etfdaly_trnsn Days
        ka40004 etfall_mrpr Instruments
        ka40006 etftisl_trnsn Tape
        ka40007 etftisl_cntr_array Tape
        ka40008 etfnetprps_qty_array Days
        ka40009 etfnavarray IndicatorSeries
        ka40010 etftisl_trnsn Tape
        ka50010 gold_cntr Chart
        ka50012 gold_daly_trnsn Chart
        ka50079 gds_tic_chart_qry Chart
        ka50080 gds_min_chart_qry Chart
        ka50081 gds_day_chart_qry Chart
        ka50082 gds_week_chart_qry Chart
        ka50083 gds_month_chart_qry Chart
        ka50087 gold_expt_exec Tape
        ka50091 gds_tic_chart_qry Chart
        ka50092 gds_min_chart_qry Chart
        ka50101 gold_bid Brokers
        ka52301 inve_trad_stat Instruments
        ka90001 thema_grp Themes
        ka90002 thema_comp_stk Instruments
        ka90003 prm_netprps_upper_50 Instruments
        ka90004 stk_prm_trde_prst Instruments
        ka90005 prm_trde_trnsn Tape
        ka90006 prm_trde_dfrt_remn_trnsn Days
        ka90007 prm_trde_acc_trnsn Days
        ka90008 stk_tm_prm_trde_trnsn Tape
        ka90009 frgnr_orgn_trde_upper Repeated
        ka90010 prm_trde_trnsn Tape
        ka90012 dbrt_trde_prps Instruments
        ka90013 stk_daly_prm_trde_trnsn Days
        kt00001 stk_entr_prst Repeated
        kt00002 daly_prsm_dpst_aset_amt_prst Days
        kt00004 stk_acnt_evlt_prst Instruments
        kt00005 stk_cntr_remn Instruments
        kt00007 acnt_ord_cntr_prps_dtl Instruments
        kt00008 acnt_nxdy_setl_frcs_prps_array Instruments
        kt00009 acnt_ord_cntr_prst_array Instruments
        kt00015 trst_ovrl_trde_prps_array Instruments
        kt00018 acnt_evlt_remn_indv_tot Instruments
        kt20016 crd_loan_pos_stk Instruments
        kt50020 gold_acnt_evlt_prst Instruments
        kt50030 acnt_ord_cntr_prst Instruments
        kt50031 acnt_ord_cntr_prps_dtl Instruments
        kt50032 gold_trde_hist Instruments
        kt50075 acnt_ord_oso_prst Instruments
        """;

    [Fact]
    public void EveryCatalogListHasItsPinnedShape()
    {
        var actual = KiwoomCatalog.Default.Trs
            .Select(tr => KiwoomCatalog.Default.Find(tr.Id)!)
            .SelectMany(tr => tr.Response.Where(f => f.IsList).Select(f => $"{tr.Id} {f.Name} {ListClassifier.Classify(tr, f)}"))
            .ToArray();

        Assert.Equal(Expected.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries), actual);
    }

    [Theory]
    [InlineData("ka20003", "SectorIndices")]
    [InlineData("ka10050", "IndicatorSeries")]
    [InlineData("ka40009", "IndicatorSeries")]
    [InlineData("ka10054", "ViEvents")]
    [InlineData("ka10099", "ListingDirectory")]
    [InlineData("ka20009", "Days")]
    [InlineData("ka10003", "Tape")]
    public void FormerSpecialCasesAreReadFromTheCatalog(string apiId, string shape)
    {
        var tr = KiwoomCatalog.Default.Find(apiId)!;

        Assert.Equal(shape, ListClassifier.Classify(tr, tr.Response.Single(f => f.IsList)).ToString());
    }
}
